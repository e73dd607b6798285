"""Treatments' writes, one module per part: guides (editors), care (a member's own list)."""
