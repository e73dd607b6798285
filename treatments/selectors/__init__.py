"""Treatments' reads, one module per part: pages (public), care (a member's own list)."""
