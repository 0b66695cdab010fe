"""One module per analyzer, each defining an `AnalyzerSpec` (spec.py), and the
registry that lists them (registry.py). The algorithms themselves live in the
modules these adapters call (newsctl.summary, newsctl.keywords, ...)."""
