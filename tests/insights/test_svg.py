"""The chart helpers draw escaped, self-describing SVG."""

from insights.svg import Series, horizontal_bars, stacked_bars


def test_a_stacked_bar_chart_has_titles_totals_and_a_legend():
    svg = stacked_bars(
        title="Per week",
        desc="Two weeks",
        columns=[("01 Jun", {"a": 2, "b": 1}), ("08 Jun", {"a": 0, "b": 4})],
        series=[Series("a", "Accept"), Series("b", "Ignore")],
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<title id=" in svg and "Per week" in svg
    assert "<title>01 Jun: Accept 2</title>" in svg
    assert "<title>08 Jun: Ignore 4</title>" in svg
    assert "08 Jun: Accept" not in svg  # a zero segment is not drawn
    assert ">3</text>" in svg and ">4</text>" in svg  # the totals
    assert 'class="series-a"' in svg
    assert "style=" not in svg


def test_user_text_in_a_chart_is_escaped():
    svg = horizontal_bars(
        title="Spam <b>",
        desc="x",
        rows=[("<script>alert('x')</script>", 3), ('Quote " & Co', 1)],
    )
    assert "<script" not in svg
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in svg
    assert "Quote &quot; &amp; Co" in svg
    assert "Spam &lt;b&gt;" in svg
    assert "<b>" not in svg


def test_bars_of_shares_are_scaled_to_one_and_labelled_as_percentages():
    svg = horizontal_bars(
        title="t", desc="d", rows=[("Rule", 0.5)], value_format="{:.0%}", max_value=1
    )
    assert ">50%</text>" in svg
    assert "<title>Rule: 50%</title>" in svg


def test_an_empty_chart_still_renders():
    assert "—" in horizontal_bars(title="t", desc="d", rows=[])
    assert stacked_bars(title="t", desc="d", columns=[], series=[]).endswith("</svg>")
