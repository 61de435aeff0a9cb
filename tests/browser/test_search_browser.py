"""The search page in real Chromium: live results as the editor types, the URL keeping the
query, and a result opening the review page with its quote selected."""

import pytest
from django.contrib.auth.models import Group, User

from annotations.models import Article, Quote

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = (
    "“We ordered more doses in June,” the minister said.\n\n"
    + "Filler paragraph about roads and bridges. " * 60
    + "\n\n“Schools will reopen in the spring,” the mayor said."
)


@pytest.fixture
def quotes() -> tuple[Quote, Quote]:
    article = Article.objects.create(title="Vaccines and schools", text=TEXT, outlet="Ledger")
    made = []
    for words in ("We ordered more doses in June", "Schools will reopen in the spring"):
        start = TEXT.index(words)
        made.append(
            Quote.objects.create(
                article=article,
                content_fragments=[[start, start + len(words)]],
                status=Quote.Status.ACCEPTED,
            )
        )
    return made[0], made[1]


def test_results_follow_typing_and_open_the_quote_on_the_review_page(log_in, live_server, quotes):
    user = User.objects.create_user("edna", password="pw-edna-123")
    user.groups.add(Group.objects.get(name="editors"))
    _, schools = quotes
    page = log_in("edna", "pw-edna-123")
    page.click(".topbar a:text('Search')")
    page.fill("#search-q", "reopening school")
    page.wait_for_selector("#search-results mark")
    assert page.locator(".search-result").count() == 1
    assert page.inner_text(".search-result mark").lower().startswith("school")
    # The address keeps the query: reloading shows the same results.
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'reopening school'")
    page.reload()
    assert page.input_value("#search-q") == "reopening school"
    assert page.locator(".search-result").count() == 1
    page.click(".search-result .result-article a")
    page.wait_for_selector(f"#quote-{schools.pk}.selected")
    words = page.locator(f'#article-text [data-quotes~="{schools.pk}"]').first
    box = words.bounding_box()
    assert box is not None and 0 <= box["y"] <= page.viewport_size["height"]
