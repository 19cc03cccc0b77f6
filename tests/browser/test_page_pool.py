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


OFFSITE = """async () => {
  const fetched = await fetch('https://cdn.example.com/lib.js').then(() => 'svar', () => 'feilet');
  const image = await new Promise((done) => {
    const img = new Image();
    img.onload = () => done('lastet');
    img.onerror = () => done('feilet');
    img.src = 'http://bilder.example.org/a.png';
  });
  const worker = await new Promise((done) => {
    const code = "fetch('https://api.example.net/x').then(() => postMessage('svar'), () => postMessage('feilet'))";
    const w = new Worker(URL.createObjectURL(new Blob([code], {type: 'text/javascript'})));
    w.onmessage = (event) => done(event.data);
  });
  return [fetched, image, worker];
}"""


def test_a_request_to_another_host_fails_and_is_recorded(make_page, site_url) -> None:
    page = make_page()
    page.goto(site_url)
    assert page.evaluate(OFFSITE) == ["feilet", "feilet", "feilet"]
    assert sorted(page.offsite_requests) == ["http://bilder.example.org/a.png", "https://api.example.net/x",
                                             "https://cdn.example.com/lib.js"]
    page.offsite_requests.clear()
    page.console_errors.clear()
