"""Drivers of outside checkers the tests use: EPUBCheck, DAISY Ace, headless chromium."""
