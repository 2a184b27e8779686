"""The Flask app factory: configuration, security headers, CSRF, errors and the access log.

Security choices (see docs/api.md):

* Form posts carry a CSRF token that must match the one in the session cookie.
* The JSON API needs the header ``X-Letterlab-Request: 1``. A browser cannot send
  a custom header to another origin without a CORS preflight, and this app answers
  no preflight, so another site cannot post to the API in the user's name.
  Requests whose ``Origin`` or ``Sec-Fetch-Site`` says they come from another
  site are refused as well.
* A strict Content-Security-Policy (scripts and styles only from this server, no
  inline script), ``nosniff``, ``Referrer-Policy: same-origin`` and no framing.
  (``no-referrer`` made Chromium send ``Origin: null`` on the page's own form
  posts, so downloads and the pages without JavaScript failed; ``same-origin``
  sends no referrer to other sites and the real origin to this one.)
* Nothing a user sends is stored or logged: the access log holds method, path,
  status and time only, and errors log the exception type, never its message.
"""
from __future__ import annotations

import hmac
import logging
import os
import secrets
import time
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit

from flask import Flask, g, jsonify, make_response, request, session
from werkzeug.exceptions import HTTPException

from letterlab.ruleset import RuleSet

from .engine import Engine, EngineBusy, EngineFull, EngineTimeout
from .inputs import MAX_UPLOAD_BYTES, InputError

API_HEADER = "X-Letterlab-Request"
CSRF_FIELD = "csrf_token"

CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
])

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}

HTTP_MESSAGES = {
    400: "Vi kan ikke læse det, du har sendt. Prøv igen.",
    403: "Vi kan ikke tage imod det, du har sendt. Genindlæs siden, og prøv igen.",
    404: "Siden findes ikke. Gå til forsiden, og prøv igen.",
    405: "Du kan ikke bruge siden på den måde. Gå til forsiden, og prøv igen.",
    413: "Filen eller teksten er for stor. Du kan højst sende 10 MB ad gangen.",
    415: "Send teksten som JSON eller som en formular med en fil (multipart/form-data).",
    429: "Der er travlt lige nu. Vent lidt, og prøv igen.",
    500: "Noget gik galt hos os. Prøv igen om lidt. Skriv til dem, der passer letterlab, hvis det sker igen.",
    503: "Vi kunne ikke nå at læse dit brev. Prøv igen om lidt.",
}
BUSY_LONG = ("Vi er ved at tjekke andre lange breve lige nu. Vent et halvt minut, og prøv igen. "
             "Et kort brev kan du tjekke med det samme.")
RETRY_AFTER_LONG = 30          # seconds, in the Retry-After header of that answer
TOO_SLOW = ("Det tog for lang tid at læse teksten, så vi stoppede. Tjek, at det er et almindeligt brev, "
            "eller del det op i mindre dele.")

# waitress, as ``letterlab serve`` runs it (see docs/api.md, "Limits"). Requests are read whole by
# waitress's event loop before a thread gets them, so slow clients hold a connection, never a thread;
# enough connections and a short idle timeout keep 150 slow or idle clients from starving the others.
SERVE_OPTIONS = {
    "connection_limit": 1000,      # waitress's default, 100, was filled by 100 idle connections
    "channel_timeout": 30,         # seconds a connection may sit idle (also one that sends nothing)
    "cleanup_interval": 10,        # how often idle connections are looked for
    "asyncore_use_poll": True,     # select() cannot watch more than 1024 sockets
    "backlog": 2048,
    "outbuf_high_watermark": 16 * 1024 * 1024,
}
# Seconds a client may take to send a request's line and headers. waitress has no such deadline: a
# client that trickles one header byte every few seconds is never idle and kept its connection for
# ever (a slowloris client; 1,000 of them fill ``connection_limit``). A browser or script sends its
# headers in milliseconds. The body is not bounded here (a large upload on a slow line is legitimate):
# a front end's ``client_body_timeout`` does that (docs/api.md).
HEADER_TIMEOUT = 20
DEFAULT_TIME_LIMIT = 5.0           # seconds of analysis per letter in ``serve``

access_log = logging.getLogger("letterlab_web.access")
error_log = logging.getLogger("letterlab_web.error")


def create_app(rules_dirs: Iterable[str | Path] | None = None, model: str | None = None, *,
               ruleset: RuleSet | None = None, genre: str | None = None, profile: str | None = None,
               config: dict | None = None, warm_up: bool = True, workers: int = 1,
               time_limit: float | None = None) -> Flask:
    """The web app with the rules and the Danish pipeline loaded once for this process.

    ``rules_dirs`` are rule folders on top of the defaults (as ``--rules``);
    ``ruleset`` replaces them with a ready set. ``genre`` and ``profile`` are the
    defaults when a request names none. ``config`` overrides Flask settings.
    ``workers`` > 1 analyses in that many worker processes (see ``engine``); so does a
    ``time_limit`` (seconds per analysis), which needs a process it can stop.
    """
    app = Flask(__name__)
    app.config.update(
        MAX_CONTENT_LENGTH=MAX_UPLOAD_BYTES,
        MAX_FORM_MEMORY_SIZE=2 * 1024 * 1024,   # room for two 200,000-character letters
        SECRET_KEY=os.environ.get("LETTERLAB_SECRET_KEY") or secrets.token_hex(32),
        SESSION_COOKIE_NAME="letterlab_csrf",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=os.environ.get("LETTERLAB_SECURE_COOKIE") == "1",
        JSON_AS_ASCII=False,
    )
    app.config.update(config or {})
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.jinja_env.policies["json.dumps_kwargs"] = {"sort_keys": False}
    engine = Engine(rules_dirs, model, ruleset, genre=genre, profile=profile, workers=workers,
                    time_limit=time_limit)
    if warm_up:
        try:
            engine.warm_up()
        except BaseException:
            engine.close()   # no worker processes left behind by a failed start
            raise
    app.extensions["letterlab"] = engine

    from .api import bp as api_bp
    from .pages import bp as pages_bp

    app.register_blueprint(api_bp)
    app.register_blueprint(pages_bp)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["CSRF_FIELD"] = CSRF_FIELD

    app.before_request(_start_timer)
    app.before_request(_protect)
    app.after_request(_headers)
    app.after_request(_log_request)
    app.register_error_handler(InputError, _input_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(EngineBusy, _engine_busy)
    app.register_error_handler(EngineTimeout, _engine_timeout)
    app.register_error_handler(EngineFull, _engine_full)
    app.register_error_handler(Exception, _unexpected_error)
    return app


def engine() -> Engine:
    from flask import current_app

    return current_app.extensions["letterlab"]


def wants_json() -> bool:
    return request.path.startswith("/api/")


# --- CSRF and origin checks ------------------------------------------------------

def csrf_token() -> str:
    """The session's CSRF token (made on first use); forms put it in a hidden field."""
    token = session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def _same_origin() -> bool:
    site = request.headers.get("Sec-Fetch-Site")
    origin = request.headers.get("Origin")
    if origin == "null":
        # A browser hides the origin of a form post behind "null" under a strict
        # referrer policy (an old tab, a saved page). Sec-Fetch-Site still tells
        # where the post came from; form posts must then carry the CSRF token too.
        return site == "same-origin" and not wants_json()
    if origin is not None:
        parts = urlsplit(origin)
        if parts.netloc != request.host or parts.scheme != request.scheme:
            return False
    return site in (None, "same-origin", "none")


def _protect():
    if request.method in ("GET", "HEAD", "OPTIONS") or request.routing_exception is not None:
        return None     # no route or a method the route does not take: 404 or 405, not 403
    if not _same_origin():
        raise InputError(403, "cross_origin", "Du kan kun sende tekst til letterlab fra letterlabs egen side.")
    if wants_json():
        if request.headers.get(API_HEADER) != "1":
            raise InputError(403, "missing_header",
                             f"Tilføj headeren {API_HEADER}: 1 til din forespørgsel. Se docs/api.md.")
        return None
    sent = request.form.get(CSRF_FIELD, "")
    expected = session.get("csrf", "")
    if not sent or not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise InputError(403, "csrf", "Siden er for gammel. Genindlæs siden, og prøv igen.")
    return None


# --- headers and the access log ----------------------------------------------------

def _start_timer():
    g.t0 = time.perf_counter()


def _headers(resp):
    for k, v in SECURITY_HEADERS.items():
        resp.headers.setdefault(k, v)
    if not request.path.startswith("/static/"):
        resp.headers["Cache-Control"] = "no-store"
    return resp


def _log_request(resp):
    # Method, path, status and time only: no query string, no body, no address.
    ms = (time.perf_counter() - g.get("t0", time.perf_counter())) * 1000
    access_log.info("%s %s %s %.0fms", request.method, request.path, resp.status_code, ms)
    return resp


# --- errors ---------------------------------------------------------------------

def _error_response(status: int, payload: dict):
    if wants_json():
        return jsonify(payload), status
    from .pages import render_error

    return render_error(payload["error"]["message"], status)


def _input_error(exc: InputError):
    return _error_response(exc.status, exc.to_dict())


def _http_error(exc: HTTPException):
    status = exc.code or 500
    message = HTTP_MESSAGES.get(status, HTTP_MESSAGES[400] if status < 500 else HTTP_MESSAGES[500])
    code = (exc.name or "error").lower().replace(" ", "_")
    return _error_response(status, {"error": {"code": code, "message": message}})


def _engine_busy(exc: EngineBusy):
    error_log.error("a worker process stopped on %s %s; the pool was restarted", request.method, request.path)
    return _error_response(503, {"error": {"code": "busy", "message": HTTP_MESSAGES[503]}})


def _engine_timeout(exc: EngineTimeout):
    error_log.warning("an analysis passed the time limit on %s %s; its worker was replaced",
                      request.method, request.path)
    return _error_response(422, {"error": {"code": "too_slow", "message": TOO_SLOW}})


def _engine_full(exc: EngineFull):
    error_log.warning("a long letter was turned away: the long lane is full (%s %s)", request.method, request.path)
    resp = make_response(_error_response(503, {"error": {"code": "busy_long", "message": BUSY_LONG}}))
    resp.headers["Retry-After"] = str(RETRY_AFTER_LONG)
    return resp


def _unexpected_error(exc: Exception):
    # The type only: an exception's message may quote the letter.
    error_log.error("unexpected %s on %s %s", type(exc).__name__, request.method, request.path)
    return _error_response(500, {"error": {"code": "internal", "message": HTTP_MESSAGES[500]}})


# --- the server ---------------------------------------------------------------------

def make_server(app: Flask, host: str, port: int, threads: int, max_body: int, *,
                header_timeout: float = HEADER_TIMEOUT, **options):
    """The waitress server ``letterlab serve`` runs: ``SERVE_OPTIONS`` (``options`` override them),
    security headers on the errors waitress answers itself (413 for a body over ``max_body``, 400
    for a broken request), and connections whose request headers are not complete within
    ``header_timeout`` seconds closed."""
    from waitress.server import create_server

    opts = {**SERVE_OPTIONS, **options}
    _raise_open_files_limit(opts["connection_limit"] + 100)
    server = create_server(app, host=host, port=port, threads=threads, ident="letterlab",
                           max_request_body_size=max_body, **opts)
    for listener in [server, *getattr(server, "map", {}).values()]:
        if hasattr(listener, "channel_class"):
            listener.channel_class = _channel_class()
        if hasattr(listener, "active_channels") and hasattr(listener, "maintenance"):
            _add_header_deadline(listener, header_timeout)
    return server


def _add_header_deadline(listener, seconds: float) -> None:
    """Extend waitress's idle sweep (every ``cleanup_interval`` seconds): a connection whose current
    request began more than ``seconds`` ago and still has no complete headers is closed."""
    idle_sweep = listener.maintenance

    def maintenance(now: float) -> None:
        idle_sweep(now)
        cutoff = now - seconds
        for channel in list(listener.active_channels.values()):
            request = channel.request
            if request is None or channel.requests or request.headers_finished:
                continue
            if getattr(request, "letterlab_started", now) < cutoff:
                channel.will_close = True       # closed by the event loop at its next turn

    listener.maintenance = maintenance


def _raise_open_files_limit(wanted: int) -> None:
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft != resource.RLIM_INFINITY and soft < wanted:
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(wanted, hard) if hard != resource.RLIM_INFINITY
                                                        else wanted, hard))
    except (ImportError, ValueError, OSError):
        pass


def _channel_class():
    from waitress.channel import HTTPChannel
    from waitress.task import ErrorTask

    class SafeErrorTask(ErrorTask):
        def execute(self):
            # Before super().execute(): its first write sends the headers.
            self.response_headers.extend(SECURITY_HEADERS.items())
            self.response_headers.append(("Cache-Control", "no-store"))
            super().execute()

    class SafeChannel(HTTPChannel):
        error_task_class = SafeErrorTask

        def received(self, data):
            result = super().received(data)
            request = self.request          # the request still being read, if any
            if request is not None and not hasattr(request, "letterlab_started"):
                request.letterlab_started = time.time()     # waitress's clock (``maintenance(now)``)
            return result

    return SafeChannel
