"""Hostile requests: deeply nested JSON, lone surrogates, odd methods, waitress's own errors, CPR numbers."""
from __future__ import annotations

import json
import re
import socket
import threading

import pytest

from webutil import API, make_docx

pytestmark = pytest.mark.model

CPR = "120385-4321"
LETTER = (f"Kære Anna Hansen\n\nUnder henvisning til Deres ansøgning vedrørende {CPR} skal det oplyses, at "
          "ansøgningen er blevet behandlet af kommunen, og at der er truffet afgørelse om, at De ikke er "
          "berettiget til hjælp, idet Deres indtægt overstiger grænsen, hvilket fremgår af de oplysninger, "
          f"som er blevet indsendt af Dem i sagen om {CPR}.\n\nMed venlig hilsen\nKommunen")


def danish_error(resp, status_class=4):
    assert resp.status_code // 100 == status_class, resp.status_code
    err = resp.get_json()["error"]
    assert err["message"] and err["code"]
    return err


@pytest.mark.parametrize("body", ["[" * 100_000, '{"text": ' + "[" * 50_000 + "}",
                                  '{"text": "Kære Anna \\ud800 du får hjælp til husleje fra den 1. maj."}',
                                  '{"text": "hej", "name": "\\udfff"}'])
@pytest.mark.parametrize("path", ["/api/analyse", "/api/rewrite", "/api/export"])
def test_hostile_json_is_a_4xx_with_a_danish_json_error(client, path, body):
    resp = client.post(path, data=body, headers={**API, "Content-Type": "application/json"})
    err = danish_error(resp)
    assert err["code"] in ("bad_json", "bad_unicode")


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/", "/api/analyse"])
def test_other_methods_get_405_not_403(client, method, path):
    resp = client.open(path, method=method, headers=API)
    assert resp.status_code == 405
    assert resp.headers["X-Content-Type-Options"] == "nosniff"


def test_export_content_type_has_one_charset(api):
    resp = api("/api/export", json={"text": "Kære Anna\n\nDu får hjælp.", "format": "txt"})
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "text/plain; charset=utf-8"


def test_api_and_page_never_show_a_full_cpr_outside_the_letter_itself(api, client):
    data = api("/api/analyse", json={"text": LETTER}).get_json()
    assert data["findings"] and data["text"] == LETTER    # the user's own letter comes back unchanged
    del data["text"]
    assert CPR not in json.dumps(data, ensure_ascii=False)
    doc = make_docx([p for p in LETTER.split("\n\n")])
    up = api("/api/analyse", data={"file": (__import__("io").BytesIO(doc), f"brev {CPR}.docx")}).get_json()
    assert CPR not in json.dumps({k: v for k, v in up.items() if k != "text"}, ensure_ascii=False)
    rw = api("/api/rewrite", json={"text": LETTER}).get_json()
    assert CPR not in rw["text"] and "{cpr}" in rw["text"]   # a rewrite takes the number out (#13)
    assert CPR not in json.dumps({k: v for k, v in rw["report"].items() if k != "text"}, ensure_ascii=False)
    page = client.get("/")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    html = client.post("/", data={"text": LETTER, "csrf_token": token}).get_data(as_text=True)
    # the page shows the user's letter (once, in the text box / letter view) but no finding repeats the number
    found = re.search(r'<script[^>]*id="initial-report"[^>]*>(.*?)</script>', html, re.S)
    assert found
    if found:
        report = json.loads(found.group(1))
        report.pop("text", None)
        assert CPR not in json.dumps(report, ensure_ascii=False)


def test_waitress_own_413_has_security_headers(app):
    from letterlab_web.app import make_server

    server = make_server(app, "127.0.0.1", 0, 2, 1000)
    port = server.effective_port
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"POST /api/analyse HTTP/1.1\r\nHost: x\r\nX-Letterlab-Request: 1\r\n"
                      b"Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n" + b"x" * 5000)
            reply = b""
            while b"\r\n\r\n" not in reply:
                chunk = s.recv(4096)
                if not chunk:
                    break
                reply += chunk
        head = reply.split(b"\r\n\r\n")[0].decode("latin-1")
        assert head.startswith("HTTP/1.1 413")
        assert "X-Content-Type-Options: nosniff" in head and "Content-Security-Policy:" in head
    finally:
        server.close()
        thread.join(5)


def test_150_idle_connections_do_not_starve_a_normal_request(app):
    """waitress's default connection limit (100) let 100 idle connections block everyone else.

    The sweeps that close idle or unfinished connections after 20-30 s are turned off here, so the
    connection limit alone must let the normal request in (else it waits until urlopen gives up)."""
    import urllib.request

    from letterlab_web.app import make_server

    server = make_server(app, "127.0.0.1", 0, 4, 12 * 1024 * 1024, header_timeout=3600, channel_timeout=3600)
    port = server.effective_port
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    idle = []
    try:
        for _ in range(150):
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.sendall(b"POST /api/analyse HTTP/1.1\r\nHost: 127.0.0.1\r\n")   # and never more
            idle.append(s)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=30) as resp:
            assert resp.status == 200
            assert json.loads(resp.read())["status"] == "ok"
    finally:
        for s in idle:
            s.close()
        server.close()
        thread.join(5)


def _recv_or_closed(s: socket.socket) -> bytes:
    """What the server sent (b"" when it closed the connection)."""
    try:
        return s.recv(4096)
    except socket.timeout:
        return b"(still open)"
    except OSError:
        return b""


def test_a_client_that_never_finishes_its_headers_is_closed_and_a_slow_body_is_not(app):
    """A slowloris client (one header byte every few seconds) is never idle, so waitress's channel
    timeout kept it for ever; the header deadline closes it. A slow body is left alone."""
    import time

    from letterlab_web.app import make_server

    server = make_server(app, "127.0.0.1", 0, 2, 12 * 1024 * 1024, header_timeout=1, cleanup_interval=1)
    port = server.effective_port
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    body = json.dumps({"text": "Kære Anna\n\nDu får hjælp til din husleje."}).encode()
    try:
        slow_head = socket.create_connection(("127.0.0.1", port), timeout=0.2)
        slow_head.sendall(b"POST /api/analyse HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        slow_body = socket.create_connection(("127.0.0.1", port), timeout=0.2)
        slow_body.sendall(b"POST /api/analyse HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Letterlab-Request: 1\r\n"
                          b"Content-Type: application/json\r\n" + f"Content-Length: {len(body)}\r\n\r\n".encode())
        closed = False
        for k in range(max(100, len(body))):     # ~30 s or more, far past the 1 s deadline
            if not closed:
                try:
                    slow_head.sendall(b"a")       # trickling: never idle
                    closed = _recv_or_closed(slow_head) == b""
                except OSError:
                    closed = True
            if k < len(body):
                slow_body.sendall(body[k:k + 1])  # the body trickles at the same pace
            elif closed:
                break
            time.sleep(0.3)
        assert closed
        slow_body.settimeout(60)
        assert slow_body.recv(4096).startswith(b"HTTP/1.1 ")   # answered, not cut off
        slow_body.close()
        slow_head.close()
    finally:
        server.close()
        thread.join(5)
