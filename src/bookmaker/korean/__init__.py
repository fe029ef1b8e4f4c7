"""Korean text rules shared by normalization and layout."""
