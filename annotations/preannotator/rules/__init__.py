"""The attribution rules, one module per concern; ``..attribution`` runs them in order.

- ``tokens``: token and character helpers; ``records``: the ``Cue`` and ``Attribution``
  records and their base confidence.
- ``cues``: finding cues; ``nominal_cues``: "according to" and reporting nouns;
  ``signed_quotes``: lines signed with a dash or a colon.
- ``mentions``: who speaks; ``complements``: what a cue verb reports; ``contents``: the
  edges of what was said.
- ``quotes``: direct and mixed quotations; ``reported``: indirect reported speech.

Word lists live in ``../data/`` (read by ``..lexicon``).
"""
