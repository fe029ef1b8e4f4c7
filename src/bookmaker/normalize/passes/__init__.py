"""Normalization passes, one module each; ``normalize.PASSES`` orders them."""
