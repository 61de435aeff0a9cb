"""Every route is either a page the 390 px browser test opens or listed as not a page."""

from tests.site_pages import NOT_PAGE_NAMESPACES, NOT_PAGES, PAGES, routes


def _listed(name: str) -> bool:
    namespace = name.split(":", 1)[0] if ":" in name else ""
    return name in PAGES or name in NOT_PAGES or namespace in NOT_PAGE_NAMESPACES


def test_every_route_is_a_page_or_listed_as_not_a_page():
    found = list(routes())
    unnamed = [route for route, name in found if name is None and not route.startswith("admin/")]
    unlisted = [f"{name} ({route})" for route, name in found if name and not _listed(name)]
    assert not unnamed, f"name these routes so the narrow-screen test can list them: {unnamed}"
    assert not unlisted, (
        "add each route to tests/site_pages.py: PAGES (checked at 390 px) or NOT_PAGES "
        f"(with the reason): {unlisted}"
    )


def test_no_stale_entries():
    names = {name for _, name in routes() if name}
    stale = sorted((set(PAGES) | set(NOT_PAGES)) - names)
    assert not stale, f"tests/site_pages.py lists routes that no longer exist: {stale}"
