from accounts import demo as accounts_demo
from forum import demo
from forum.models import Answer, Question


def test_demo_seed_is_idempotent_and_has_reference_questions(db):
    accounts_demo.seed()

    first = demo.seed()
    second = demo.seed()

    assert first == len(demo.QUESTIONS)
    assert second == 0
    assert Question.objects.count() == len(demo.QUESTIONS)
    assert Question.objects.filter(title__icontains="first round of TCHP").exists()
    assert Question.objects.filter(title__icontains="DCIS").exists()
    assert Answer.objects.count() > len(demo.QUESTIONS)
    assert not Question.objects.filter(answer_count=0).exists()
