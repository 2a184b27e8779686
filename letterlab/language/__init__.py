"""Danish morphology shared by the checks and the rewrites.

* ``inflect``: verb, noun and adjective paradigms, noun gender/number (``noun_gender``,
  ``noun_agreement``), and inflecting a replacement word like the word it replaces.
"""
