"""Knowledge: statements extracted from the clean articles, and the pages made from them."""
