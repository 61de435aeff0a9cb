"""Template filters for showing what was said."""

from django import template

register = template.Library()

# Opening marks and the closing mark each one pairs with.
_PAIRS = {"“": "”", "„": "“", "«": "»", '"': '"', "‘": "’", "‚": "‘"}
# A text that ends in one of these (and did not open with a mark) closes a quotation.
# Single closing marks are left out: "the workers’" ends in an apostrophe, not a mark.
_CLOSING = ("”", "»", '"')


@register.filter(is_safe=True)
def quoted(text: object) -> str:
    """``text`` between quotation marks, adding only the marks it does not carry itself.

    A quote's content often includes its own marks ('“We will hire 200 teachers,”'); the
    cards and speaker pages used to add theirs around it, showing them twice.
    """
    text = str(text).strip()
    if not text:
        return text
    opener = _PAIRS.get(text[0])
    if opener is not None and len(text) > 1:
        # It opens with its own mark: close it if the quotation runs on past the content.
        return text if text.endswith(opener) or text.endswith(_CLOSING) else text + opener
    if text.endswith(_CLOSING) and text.count("“") < text.count("”"):
        return "“" + text
    return f"“{text}”"
