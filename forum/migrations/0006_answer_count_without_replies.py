"""Recount every question's answers without the replies under them.

Replies used to add to `answer_count`, so a question with one answer and three replies said
"4 answers". One UPDATE with a correlated count: a few seconds at a million questions.
"""

from django.db import migrations
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce


def recount(apps, schema_editor):
    Question = apps.get_model("forum", "Question")
    Answer = apps.get_model("forum", "Answer")
    answers = (
        Answer.objects.filter(
            question=OuterRef("pk"), parent__isnull=True, moderation_state="visible"
        )
        .order_by()
        .values("question")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Question.objects.update(
        answer_count=Coalesce(Subquery(answers, output_field=IntegerField()), 0)
    )


class Migration(migrations.Migration):
    dependencies = [("forum", "0005_topics_from_catalogue")]

    operations = [migrations.RunPython(recount, migrations.RunPython.noop, elidable=True)]
