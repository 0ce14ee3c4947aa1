"""Makes the image renditions that listings show, for every live page of the listed types."""

from django.core.management.base import BaseCommand

from home.renditions import count_listed_pages, generate_for_page, listed_pages


class Command(BaseCommand):
    help = "Generates the image renditions of the listings (teasers, cards) ahead of time."

    def handle(self, *args, **options):
        total = count_listed_pages()
        self.stdout.write(f"Listing renditions for {total} pages with an image")
        renditions = 0
        for done, page in enumerate(listed_pages(), start=1):
            renditions += generate_for_page(page)
            if done % 50 == 0 or done == total:
                self.stdout.write(f"  {done}/{total} pages")
        self.stdout.write(
            self.style.SUCCESS(f"Done: {renditions} renditions present for {total} pages.")
        )
