"""Vote counts, abuse signals and the ranking of finalists.

The ranking formula, shown to staff in the edition report:

    jury score of a finalist  = mean over its jurors (conflicts of interest excluded) of
                                Σ_c (weight_c × score_c) / Σ_c (weight_c × 10)
                                using the second jury phase's scores once the finalist has any,
                                the first phase's otherwise                       → 0 … 1
    public vote score         = confirmed votes of the finalist / confirmed votes of the
                                most voted finalist (0 when nobody voted)         → 0 … 1
    final score               = (1 − w) × jury score + w × public vote score,
                                w being the edition's "weight of the public vote".

A juror who scored only part of the criteria counts with the criteria they scored, so that an
unfinished score sheet does not drag a finalist down to zero.
"""

import datetime
import ipaddress
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.db.models.functions import TruncHour
from django.utils.translation import gettext_lazy as _

from .models import SCORE_MAX, Candidature, ConflictOfInterest, JuryScore, PublicVote

FORMULA = _(
    "Final score = (1 − w) × jury score + w × public vote score. The jury score is, for each "
    "juror without a conflict of interest, the weighted mean of their scores divided by the "
    "maximum (%(max)s), averaged over jurors; the second phase's scores replace the first's "
    "once given. The public vote score is the finalist's confirmed votes divided by those of "
    "the most voted finalist. w = %(weight)s for this edition."
)

# Signs of abuse shown to staff: many votes from one network, or a burst within one hour.
NETWORK_THRESHOLD = 5
BURST_THRESHOLD = 10


def network_of(ip_address):
    """The /24 (IPv4) or /48 (IPv6) network of an address, as text; empty when unknown."""
    if not ip_address:
        return ""
    try:
        address = ipaddress.ip_address(ip_address)
    except ValueError:
        return ""
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def vote_counts(edition):
    """Confirmed votes per candidature id."""
    rows = (
        PublicVote.objects.filter(edition=edition, confirmed_at__isnull=False)
        .values("candidature")
        .annotate(total=Count("id"))
    )
    return {row["candidature"]: row["total"] for row in rows}


def public_choice(edition):
    """The finalist with the most confirmed votes (None without votes or on a tie at the top)."""
    counts = vote_counts(edition)
    if not counts:
        return None
    ordered = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    if len(ordered) > 1 and ordered[0][1] == ordered[1][1]:
        return None
    return (
        Candidature.objects.filter(pk=ordered[0][0], state__in=Candidature.FINALIST_STATES)
        .select_related("experience")
        .first()
    )


@dataclass
class RankedFinalist:
    candidature: Candidature
    votes: int = 0
    jury_score: float = 0.0
    vote_score: float = 0.0
    final_score: float = 0.0
    jurors_counted: int = 0
    phase_used: int | None = None
    per_criterion: dict = field(default_factory=dict)


def _juror_score(scores):
    """Weighted mean of one juror's scores on one finalist, from 0 to 1."""
    weights = sum(Decimal(score.criterion.weight) for score in scores)
    if not weights:
        return None
    total = sum(Decimal(score.criterion.weight) * score.score for score in scores)
    return float(total / (weights * SCORE_MAX))


def ranking(edition):
    """The finalists, best final score first, with the parts of their score."""
    finalists = list(
        edition.candidatures.filter(state__in=Candidature.FINALIST_STATES).select_related(
            "experience", "category"
        )
    )
    counts = vote_counts(edition)
    top_votes = max(counts.values(), default=0)
    conflicts = set(
        ConflictOfInterest.objects.filter(candidature__edition=edition).values_list(
            "candidature_id", "juror_id"
        )
    )
    scores = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for score in JuryScore.objects.filter(candidature__edition=edition).select_related("criterion"):
        if (score.candidature_id, score.juror_id) in conflicts:
            continue
        scores[score.candidature_id][score.phase][score.juror_id].append(score)

    weight = float(edition.vote_weight)
    ranked = []
    for candidature in finalists:
        entry = RankedFinalist(candidature=candidature, votes=counts.get(candidature.pk, 0))
        phases = scores.get(candidature.pk, {})
        phase = 2 if phases.get(2) else (1 if phases.get(1) else None)
        if phase:
            juror_scores = [
                value
                for value in (_juror_score(items) for items in phases[phase].values())
                if value is not None
            ]
            if juror_scores:
                entry.jury_score = sum(juror_scores) / len(juror_scores)
                entry.jurors_counted = len(juror_scores)
            entry.phase_used = phase
        entry.vote_score = entry.votes / top_votes if top_votes else 0.0
        entry.final_score = (1 - weight) * entry.jury_score + weight * entry.vote_score
        ranked.append(entry)
    ranked.sort(key=lambda item: (item.final_score, item.votes), reverse=True)
    return ranked


def abuse_signals(edition):
    """Networks with many vote requests, and hours with bursts of them."""
    votes = PublicVote.objects.filter(edition=edition)
    networks = (
        votes.exclude(network="")
        .values("network")
        .annotate(
            total=Count("id"),
            confirmed=Count("id", filter=Q(confirmed_at__isnull=False)),
            addresses=Count("email", distinct=True),
        )
        .filter(total__gte=NETWORK_THRESHOLD)
        .order_by("-total")
    )
    bursts = (
        votes.annotate(hour=TruncHour("requested_at", tzinfo=datetime.UTC))
        .values("hour")
        .annotate(total=Count("id"))
        .filter(total__gte=BURST_THRESHOLD)
        .order_by("-total")
    )
    return {
        "networks": list(networks),
        "bursts": list(bursts),
        "network_threshold": NETWORK_THRESHOLD,
        "burst_threshold": BURST_THRESHOLD,
    }
