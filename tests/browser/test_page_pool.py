"""The page pool (tests/browser/fixtures.py): a page handed to a second test is as a new one."""

from __future__ import annotations

import pytest

from tests.browser.fixtures import PagePool

pytestmark = pytest.mark.browser
KEY = (1280, 900, "light", True)


def test_a_page_given_back_comes_back_empty_at_its_size_and_without_permissions(page_pool: PagePool, site_url) -> None:
    page = page_pool.take(KEY)
    page.goto(site_url)
    page.evaluate("() => { localStorage.setItem('vl-test', '1'); sessionStorage.setItem('vl-test', '1'); }")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.set_viewport_size({"width": 500, "height": 500})
    page.console_errors.append("fra forrige test")
    page_pool.give_back(page)

    again = page_pool.take(KEY)
    assert again is page
    assert again.url == "about:blank"
    assert again.console_errors == [] and again.offsite_requests == []
    assert again.viewport_size == {"width": 1280, "height": 900}
    again.goto(site_url)
    assert again.evaluate("() => [localStorage.getItem('vl-test'), sessionStorage.getItem('vl-test')]") == [None, None]
    assert again.evaluate("async () => (await navigator.permissions.query({name: 'clipboard-read'})).state") != "granted"
    page_pool.give_back(again)


def test_a_page_with_a_listener_of_its_own_is_closed_not_kept(page_pool: PagePool, site_url) -> None:
    page = page_pool.take(KEY)
    page.on("request", lambda request: None)
    page_pool.give_back(page)
    assert page.is_closed()
    other = page_pool.take(KEY)
    assert other is not page
    page_pool.give_back(other)


def test_a_page_that_asks_before_it_is_left_is_left_and_kept(page_pool: PagePool, site_url) -> None:
    page = page_pool.take(KEY)
    page.goto(site_url + "maler/fyll-ut-duken/")
    page.wait_for_selector("form.vl-duk--ready")
    page.get_by_label("Drømmer").fill("Noe som ikke er lagret")
    page.get_by_label("Drømmer").press("Enter")  # typed by a person: the duk now asks before it is left
    page_pool.give_back(page)
    assert not page.is_closed()
    again = page_pool.take(KEY)
    assert again is page and again.url == "about:blank"
    page_pool.give_back(again)
