"""letterlab web app (Flask): a thin door onto ``letterlab.core.analyse``.

    >>> from letterlab_web import create_app
    >>> app = create_app()          # loads the rules and the pipeline once
    >>> app.run()                   # development only; ``letterlab serve`` uses waitress
"""
__all__ = ["create_app"]


def __getattr__(name):
    # Imported on first use, so that ``letterlab audit`` and the other commands, which
    # only need ``letterlab_web.cli`` to list ``serve``, do not load Flask and the app.
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
