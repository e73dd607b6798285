"""In-app notifications, per-kind preferences and @mentions (docs/notifications.md)."""
