"""Removes the award's personal data that closed editions no longer need (awards/privacy.py)."""

from django.core.management.base import BaseCommand

from awards.privacy import closed_editions, purge_edition, retention


class Command(BaseCommand):
    help = (
        "Pseudonymise voters' addresses and remove IPs, unsubmitted candidatures and the "
        "attachments of non-finalists, for editions closed longer than "
        "AWARDS_PERSONAL_DATA_RETENTION_DAYS. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be removed; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        editions = list(closed_editions())
        total = len(editions)
        prefix = "[dry run] " if dry_run else ""
        self.stdout.write(
            f"{prefix}{total} edition(s) closed more than {retention().days} days ago."
        )
        for number, edition in enumerate(editions, start=1):
            counts = purge_edition(edition, dry_run=dry_run)
            verb = "would pseudonymise" if dry_run else "pseudonymised"
            self.stdout.write(
                f"{prefix}{number}/{total} {edition.title}: {verb} {counts['votes']} vote(s); "
                f"{counts['drafts']} unsubmitted candidature(s) and "
                f"{counts['attachments']} attachment(s) "
                f"{'would be ' if dry_run else ''}deleted."
            )
        self.stdout.write(self.style.SUCCESS(f"{prefix}Done."))
