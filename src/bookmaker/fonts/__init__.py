"""Fonts: the known faces, finding them, shaping with them and cutting subsets for the EPUB and PDF."""
