"""The demo: synthetic source exports of a whole kabupaten (``generator``,
``population``, ``exports``: they only write files) and the chain that builds the
demo from them (``chain``: boundaries, imports, indicators, release, public site).

It sits at the top beside the command line: it uses every package and no package
uses it.
"""
