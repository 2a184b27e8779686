"""Rewrite suggestions built on the analysis findings.

* ``active``: passive -> active (``suggest_for_passive``), attached by the passive check;
* ``split``: long sentences split at a safe point (``split_suggestions``), attached by the sentence-length check;
* ``message_first``: move the main message up and give it a heading (``message_first_suggestions``, ``heading_for``);
* ``apply``: ``apply_suggestions``, ``choose`` (safe | all | none), ``resolve_overlaps``;
* ``run``: ``rewrite_letter``, the one call behind ``letterlab rewrite``;
* ``common``: the content guard (``keeps_content``) every rewrite passes through;
* ``inflect``: an alias of ``letterlab.language.inflect`` (Danish inflection, shared with the checks).
"""
