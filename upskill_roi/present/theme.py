"""Colours shared by the figure builders and `.streamlit/config.toml`.

Okabe & Ito (2008), "Color Universal Design": eight colours that stay distinguishable with the
common forms of colour-vision deficiency. Gains and losses are never told apart by colour alone:
the builders add text labels and patterns as well.
"""

PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, BLACK = PALETTE
GREY = "#6B6B6B"
