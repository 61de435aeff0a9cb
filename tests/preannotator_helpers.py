"""Helpers for the tests that read the pre-annotator's proposals on sentences they write."""

from annotations.preannotator import Preannotator, Proposal


def annotate(pre: Preannotator, text: str) -> list[Proposal]:
    return next(pre.annotate([text]))


def words(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def said(pre: Preannotator, text: str, content: str) -> Proposal:
    """The proposal whose content holds ``content``."""
    found = [p for p in annotate(pre, text) if content in text[p.content[0] : p.content[1]]]
    assert len(found) == 1, [(words(text, p.content), p.speaker_name) for p in found]
    return found[0]
