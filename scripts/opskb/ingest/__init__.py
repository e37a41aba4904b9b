"""Ingest stages: seeds in, clean Simplified source pages out (read -> locate -> parse -> repair
-> convert -> typeset -> clean -> dedupe -> article -> render -> write)."""
