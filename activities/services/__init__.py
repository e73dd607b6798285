"""Every write of the activities app: updates, comments, hugs, team, and their emails."""

from .comments import (
    update_comment_after_state_change,
    update_comment_can_edit,
    update_comment_create,
    update_comment_delete,
    update_comment_edit,
    update_comment_recount,
)
from .emails import comment_notify, team_accepted_email, team_request_email
from .team import (
    team_block_changed,
    team_remove,
    team_request_accept,
    team_request_ignore,
    team_request_send,
    team_request_withdraw,
)
from .updates import (
    update_after_state_change,
    update_can_edit,
    update_create,
    update_delete,
    update_edit,
    update_hug_set,
)

__all__ = [
    "comment_notify",
    "team_accepted_email",
    "team_block_changed",
    "team_remove",
    "team_request_accept",
    "team_request_email",
    "team_request_ignore",
    "team_request_send",
    "team_request_withdraw",
    "update_after_state_change",
    "update_can_edit",
    "update_comment_after_state_change",
    "update_comment_can_edit",
    "update_comment_create",
    "update_comment_delete",
    "update_comment_edit",
    "update_comment_recount",
    "update_create",
    "update_delete",
    "update_edit",
    "update_hug_set",
]
