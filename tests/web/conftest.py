"""Fixtures for the web app: the app (session), a test client, a live server and a headless Chromium."""
from __future__ import annotations

import shutil
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from testutil import CORPUS, ROOT
from webutil import API, make_docx

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def app():
    from letterlab_web import create_app

    return create_app(config={"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def api(client):
    """POST to the JSON API with the header the API asks for."""

    def post(path, json=None, data=None, headers=None, **kw):
        h = {**API, **(headers or {})}
        if data is not None:
            return client.post(path, data=data, headers=h, content_type="multipart/form-data", **kw)
        return client.post(path, json=json, headers=h, **kw)

    return post


@pytest.fixture(scope="session")
def letter():
    """A corpus letter in officialese (the "before" version)."""
    return (CORPUS / "01-saerlig-stoette-husleje" / "before.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def letter_after():
    return (CORPUS / "01-saerlig-stoette-husleje" / "after.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def letter_docx(letter) -> bytes:
    return make_docx([p for p in letter.split("\n\n") if p.strip()])


# --- live server and browser ----------------------------------------------------

@pytest.fixture(scope="session")
def live_server(app):
    """The app served by waitress on 127.0.0.1 and a free port, in a thread, for the whole session."""
    from waitress.server import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4, ident="letterlab-test",
                           max_request_body_size=12 * 1024 * 1024)
    url = f"http://127.0.0.1:{server.effective_port}"
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while True:
        try:
            urllib.request.urlopen(url + "/api/health", timeout=2).read()
            break
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.1)
    yield url
    server.close()
    thread.join(timeout=5)


def _find(*names: str) -> str | None:
    for n in names:
        path = shutil.which(n)
        if path:
            return path
    return None


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium via chromedriver; skipped (with the reason) when either is missing."""
    chromium = _find("chromium", "chromium-browser", "google-chrome")
    driver_path = _find("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[test]')")
    profile = tempfile.mkdtemp(prefix="letterlab-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1366,1000", "--lang=da-DK", f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        drv = webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)
    except Exception as exc:  # a broken local install should skip, not error, the browser tests
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"could not start chromium: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    drv.set_page_load_timeout(30)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def screenshot():
    """Save a full-page screenshot as test-artifacts/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def shoot(drv, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        height = drv.execute_script("return document.documentElement.scrollHeight")
        width = drv.get_window_size()["width"]
        drv.set_window_size(width, min(max(height + 120, 800), 6000))
        time.sleep(0.2)
        drv.save_screenshot(str(path))
        drv.set_window_size(width, 1000)
        return path

    return shoot

