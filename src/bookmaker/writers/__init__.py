"""Writers: IR (+ layout) → output bytes. Writers never import readers or normalize."""
