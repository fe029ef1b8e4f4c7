"""Checkers for built books (EPUBCheck, DAISY Ace)."""
