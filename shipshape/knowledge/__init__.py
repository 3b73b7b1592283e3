"""Topics: parse, render, split into sections, index and search them."""
