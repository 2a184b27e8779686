"""``letterlab serve``: the subcommand, and a real waitress process on 127.0.0.1."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from testutil import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_is_registered_with_its_options():
    from letterlab.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.workers) == ("127.0.0.1", 8000, None)   # None: one worker per core
    assert build_parser().parse_args(["serve", "--workers", "3"]).workers == 3
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9000", "--rules", "mine"])
    assert (args.host, args.port, args.rules) == ("0.0.0.0", 9000, ["mine"])


def test_serve_with_a_broken_rule_file_exits_2(tmp_path):
    (tmp_path / "bad.toml").write_text('[[rule]]\nid = "x.y"\nkind = "findes-ikke"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "letterlab", "serve", "--rules", str(tmp_path), "--port", "0"],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 2
    assert "bad.toml" in out.stderr


def test_serve_defaults_for_genre_and_profile_reach_the_page():
    from letterlab.ruleset import RuleError
    from letterlab_web import create_app

    app = create_app(genre="indkaldelse", profile="fagfolk", warm_up=False)
    html = app.test_client().get("/").get_data(as_text=True)
    assert '<option value="indkaldelse" selected>' in html
    assert '<option value="fagfolk" selected>' in html
    resp = app.test_client().post("/api/analyse", json={"text": "Kære Anna\n\nDu får hjælp til din husleje fra den 1. maj."},
                                  headers={"X-Letterlab-Request": "1"})
    assert resp.get_json()["genre"] == "indkaldelse" and resp.get_json()["profile"] == "fagfolk"
    with pytest.raises(RuleError):
        create_app(genre="roman", warm_up=False)


def test_serve_runs_waitress_and_logs_no_letter_text():
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "letterlab", "serve", "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                health = json.loads(urllib.request.urlopen(base + "/api/health", timeout=2).read())
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.time() > deadline:
                    pytest.fail(f"letterlab serve did not start: {proc.stdout.read() if proc.poll() is not None else ''}")
                time.sleep(0.3)
        assert health["status"] == "ok"
        page = urllib.request.urlopen(base + "/", timeout=10)
        assert page.headers["Content-Security-Policy"]
        assert "Tjek brevet" in page.read().decode("utf-8")
        secret = "Hemmeligsen Pedersdatter"
        req = urllib.request.Request(base + "/api/analyse", method="POST",
                                     data=json.dumps({"text": f"Kære {secret}\n\nDu får hjælp til din husleje."}).encode(),
                                     headers={"Content-Type": "application/json", "X-Letterlab-Request": "1"})
        assert urllib.request.urlopen(req, timeout=60).status == 200
    finally:
        proc.terminate()
        try:
            output, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
    assert f"http://127.0.0.1:{port}/" in output
    assert "POST /api/analyse 200" in output       # the access log ...
    assert "Hemmeligsen" not in output             # ... without the letter
