"""Training of the learned scorer (:mod:`classifiers.scorer`) from labelled corpus files.

One L2-regularised logistic regression per category, with balanced class weights, over
sublinear TF-IDF unigram and bigram features of the lower-cased tokens, L2-normalised per message
(the usual text-classification baseline). Optimised with full-batch Adam in numpy from zero
weights, so training is deterministic: the same files give the same weights.

The corpus files are the tuning parts in ``tests/data/`` (never the held-out test part).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .docarrays import TEXT_KEY
from .engine import Classifier
from .errors import ClassifierError
from .models import CATEGORIES
from .normalize import normalize
from .scorer import ScorerWeights, terms

#: The cue component whose matches become the ``§cue:`` terms.
CUES = "boundary_cues"
#: ``fit``'s default ``benign_weight``: every category's negatives that are benign messages
#: weigh this many times their balanced class weight (another situation's messages weigh 0.3
#: of it, ``other_weight``); eighteenth session, measured in ``docs/CLASSIFIER.md``.
BENIGN_WEIGHT = 2.0


def read_corpus(path: Path) -> tuple[list[str], list[set[str]]]:
    """Texts and label sets of one JSONL corpus file."""
    texts: list[str] = []
    labels: list[set[str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            texts.append(str(item["text"]))
            labels.append(set(item["categories"]))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ClassifierError(
                f"{path}:{number}: expected a JSON object with text and categories, "
                f"got {type(exc).__name__}"
            ) from exc
    return texts, labels


def featurize(classifier: Classifier, texts: Sequence[str]) -> list[list[tuple[str, int, int]]]:
    """The scorer's features of each text, exactly as the scorer sees them at run time."""
    nlp = classifier.nlp
    cues = nlp.get_pipe(CUES) if CUES in nlp.pipe_names else None
    out = []
    for text in texts:
        normalized = normalize(text).text
        doc = nlp.make_doc(normalized)
        if cues is not None:  # the cue labels are terms too (docarrays.cue_terms)
            doc.user_data[TEXT_KEY] = normalized
            cues(doc)
        out.append(terms(doc))
    return out


def fit(
    docs: Sequence[list[tuple[str, int, int]]],
    labels: Sequence[set[str]],
    *,
    c: float = 40.0,
    min_df: int = 2,
    iterations: int = 600,
    learning_rate: float = 0.05,
    categories: Sequence[str] = CATEGORIES,
    trained_on: Sequence[str] = (),
    other_weight: float = 0.3,
    benign_weight: float = BENIGN_WEIGHT,
) -> ScorerWeights:
    """Fit the scorer's weights on featurised docs (:func:`featurize`) and their labels.

    ``c`` is the inverse L2 strength (as in scikit-learn); terms seen in fewer than
    ``min_df`` docs are dropped. ``other_weight`` scales a category's negatives that are
    another situation (a message about Instagram is a negative for romance, but perhaps a
    weak one): with full weight, one situation's words learn to argue against every other,
    and "my client asked me out on instagram" loses both of its categories to the veto.
    0.3 since the eleventh session (measured in the tenth and eleventh, ``docs/CLASSIFIER.md``).
    ``benign_weight`` scales every category's negatives that are benign messages (no category
    at all): there a wrong finding is a false alarm, the error users judge the product by,
    while another situation's message that gets one more category still gets the right
    guidance among its findings (eighteenth session: :data:`BENIGN_WEIGHT`).
    """
    n = len(docs)
    if n == 0 or n != len(labels):
        raise ClassifierError(f"expected as many label sets as docs (>0), got {len(labels)}/{n}")
    per_doc = [{t for t, _, _ in d} for d in docs]
    df: dict[str, int] = {}
    for seen in per_doc:
        for t in seen:
            df[t] = df.get(t, 0) + 1
    names = sorted(t for t, k in df.items() if k >= min_df)
    vocabulary = {t: i for i, t in enumerate(names)}
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in names])
    weights = ScorerWeights(
        tuple(categories), vocabulary, idf, np.zeros((len(names), len(categories))), np.zeros(0)
    )
    # sparse rows (doc index, feature, value) from the same vectoriser used at run time
    doc_ix: list[np.ndarray] = []
    feat_ix: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    for i, d in enumerate(docs):
        rows, values, _ = weights.vector(d)
        doc_ix.append(np.full(len(rows), i))
        feat_ix.append(np.asarray(rows, dtype=np.int64))
        vals.append(values)
    di, fi, vi = np.concatenate(doc_ix), np.concatenate(feat_ix), np.concatenate(vals)
    y = np.array([[cat in lab for cat in categories] for lab in labels], dtype=float)
    positives = y.sum(axis=0)
    # balanced class weights: n / (2 * count of the class), per category
    w_pos = np.where(positives > 0, n / (2 * np.maximum(positives, 1)), 0.0)
    w_neg = n / (2 * np.maximum(n - positives, 1))
    sample = y * w_pos + (1 - y) * w_neg
    if other_weight != 1.0:  # negatives that are another situation count less
        other = (1 - y) * (y.sum(axis=1, keepdims=True) > 0)
        sample = sample * np.where(other > 0, other_weight, 1.0)
    if benign_weight != 1.0:  # negatives that are benign messages count more
        benign = y.sum(axis=1, keepdims=True) == 0
        sample = sample * np.where(benign, benign_weight, 1.0)
    w = np.zeros((len(names), len(categories)))
    b = np.zeros(len(categories))
    m_w, v_w, m_b, v_b = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b))
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    k, f = len(categories), len(names)
    for step in range(1, iterations + 1):
        # sparse products, one bincount per category (sums in input order, like np.add.at,
        # at a fraction of its cost)
        contrib = vi[:, None] * w[fi]
        z = b + np.column_stack([np.bincount(di, contrib[:, j], n) for j in range(k)])
        residual = (1.0 / (1.0 + np.exp(-z)) - y) * sample / n
        spread = vi[:, None] * residual[di]
        g_w: np.ndarray = np.column_stack([np.bincount(fi, spread[:, j], f) for j in range(k)])
        g_w = g_w + w / (c * n)
        g_b = residual.sum(axis=0)
        for param, grad, m, v in ((w, g_w, m_w, v_w), (b, g_b, m_b, v_b)):
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            param -= (
                learning_rate * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
            )
    return ScorerWeights(tuple(categories), vocabulary, idf, w, b, tuple(trained_on))


def train_files(classifier: Classifier, paths: Sequence[Path], **options: float) -> ScorerWeights:
    """Fit on the given corpus files (their names are recorded in the weights)."""
    texts: list[str] = []
    labels: list[set[str]] = []
    for path in paths:
        t, lab = read_corpus(path)
        texts += t
        labels += lab
    docs = featurize(classifier, texts)
    return fit(docs, labels, trained_on=[p.name for p in paths], **options)  # type: ignore[arg-type]
