"""letterlab web app (Flask): a thin door onto ``letterlab.core.analyse``.

    >>> from letterlab_web import create_app
    >>> app = create_app()          # loads the rules and the pipeline once
    >>> app.run()                   # development only; ``letterlab serve`` uses waitress
"""
from .app import create_app

__all__ = ["create_app"]
