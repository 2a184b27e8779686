"""Moved to :mod:`letterlab.language.inflect`; this name stays an alias of that module.

Code on other branches (and ``rewrite/message_first.py``) still imports ``letterlab.rewrite.inflect``;
the alias is the same module object, so its caches and any test patching are shared.
"""
import sys

from ..language import inflect as _inflect

sys.modules[__name__] = _inflect
