"""A PDF's lines read in the order a reader would, whatever order the PDF drew them in."""

from __future__ import annotations

from fpdf import FPDF

from talentdrive.resumes.core.deadline import Deadline
from talentdrive.resumes.core.model import Limits
from talentdrive.resumes.core.pdf import pdf_text
from talentdrive.resumes.core.reading_order import Line, level_with, reading_order


def line(text: str, left: float, top: float, width: float = 0.0, height: float = 10.0) -> Line:
    right = left + (width or 5.0 * len(text))
    return Line(text, left, top - height, right, top)


def test_lines_drawn_bottom_up_are_read_top_down():
    lines = [line("third", 50, 700), line("second", 50, 715), line("first", 50, 730)]

    assert reading_order(lines) == ["first", "second", "third"]


def test_a_sidebar_drawn_after_the_main_column_is_read_before_it_below_a_spanning_name():
    name = line("Ada Lovelace, Senior Research Engineer, London", 40, 800, width=500)
    main = [line(f"main {index}", 220, 760 - 14 * index, width=300) for index in range(6)]
    # The sidebar's lines stand between the main column's, as independent columns do.
    side = [line(f"side {index}", 40, 753 - 14 * index, width=120) for index in range(4)]

    assert reading_order([*main, name, *side]) == [
        name.text,
        *(item.text for item in side),
        *(item.text for item in main),
    ]


def test_dates_set_flush_right_stay_on_the_row_of_their_title():
    titles = [line(f"Engineer {index}", 40, 700 - 30 * index, width=120) for index in range(4)]
    dates = [line(f"201{index} – 201{index + 1}", 450, 700 - 30 * index, width=90) for index in range(4)]

    # Two spaces across the wide gap: the parser reads them as a separator.
    assert reading_order([*dates, *titles]) == [f"Engineer {i}  201{i} – 201{i + 1}" for i in range(4)]


def test_level_with_tells_which_lines_stand_within_another_lines_height():
    others = [line("a", 40, 700), line("b", 40, 690), line("c", 40, 600)]
    lines = [
        line("level with a", 300, 702),
        line("between b and c", 300, 650),
        line("level with c", 300, 598),
    ]

    assert level_with(lines, others) == [True, False, True]
    assert level_with(lines, []) == [False, False, False]


def test_a_pdf_drawn_out_of_reading_order_is_read_in_it():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    # Drawn as a browser might paint it: the body, then its heading, then the name at the top.
    pdf.text(20, 80, "Staff Engineer, Example Robotics, 2019 - 2023")
    pdf.text(20, 90, "Built the perception stack.")
    pdf.text(20, 70, "Experience")
    pdf.text(20, 30, "Grace Hopper")

    text, _, _ = pdf_text(bytes(pdf.output()), Limits(), Deadline(10))

    assert text.split("\n") == [
        "Grace Hopper",
        "Experience",
        "Staff Engineer, Example Robotics, 2019 - 2023",
        "Built the perception stack.",
    ]


def test_a_pdf_drawn_one_column_after_the_other_keeps_each_column_whole():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    main = ["Experience", "Staff Engineer, Example Robotics", "2019 - 2023", "Built the perception stack."]
    side = ["Skills", "Python", "CUDA", "ROS"]
    for index, text in enumerate(main):
        pdf.text(80, 40 + 9 * index, text)
    for index, text in enumerate(side):
        pdf.text(15, 44 + 9 * index, text)

    text, _, _ = pdf_text(bytes(pdf.output()), Limits(), Deadline(10))

    # Drawn main column first, then the sidebar: each column is read whole, never row by row.
    assert text.split("\n") == main + side


def test_a_pdf_drawn_in_pieces_is_read_column_by_column():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    main = ["Experience", "Staff Engineer, Example Robotics", "2019 - 2023", "Built the perception stack."]
    side = ["Skills", "Python", "CUDA", "ROS"]
    # As a browser paints: pieces of both columns in no order of the page.
    for index in (2, 0, 3, 1):
        pdf.text(80, 40 + 9 * index, main[index])
        pdf.text(15, 44 + 9 * index, side[index])

    text, _, _ = pdf_text(bytes(pdf.output()), Limits(), Deadline(10))

    assert text.split("\n") == side + main


def test_a_title_wrapped_beside_its_dates_is_read_as_one_line():
    # A narrow column: the title's second word would not fit after "(Consumer", so it wrapped.
    title = line("Senior Engineer (Consumer", 40, 700, width=140)
    wrapped = line("Tech Lead)", 40, 688, width=55)
    dates = line("2016 – 2019", 194, 700, width=60)
    company = line("Example Robotics", 40, 670, width=90)

    assert reading_order([dates, company, wrapped, title]) == [
        "Senior Engineer (Consumer Tech Lead)  2016 – 2019",
        "Example Robotics",
    ]


def test_a_short_title_over_its_employer_stays_two_lines():
    # "Example Robotics" would have fitted after "Engineer": the next line is no wrap of the title.
    title = line("Engineer", 40, 700, width=45)
    company = line("Example Robotics", 40, 688, width=90)
    dates = line("2016 – 2019", 450, 700, width=60)

    assert reading_order([title, company, dates]) == ["Engineer  2016 – 2019", "Example Robotics"]


def test_cards_set_three_to_a_row_are_each_read_whole():
    # Each card is a name cell and a dates cell, flowed three cells to a row (a grid of cards).
    cells = [
        [line("Northbridge Institute of", 38, 134, width=145), line("Technology", 38, 122, width=60)],
        [line("2017 - 2019", 194, 134, width=57)],
        [line("Lakeside Mining", 350, 134, width=115), line("University", 350, 122, width=46)],
        [line("2011 - 2015", 38, 103, width=57)],
        [line("Harbour Town", 194, 103, width=80), line("Electrotechnical College", 194, 91, width=115)],
        [line("2003 - 2007", 350, 103, width=57)],
    ]

    assert reading_order([piece for cell in reversed(cells) for piece in cell]) == [
        "Northbridge Institute of Technology",
        "2017 - 2019",
        "Lakeside Mining University",
        "2011 - 2015",
        "Harbour Town Electrotechnical College",
        "2003 - 2007",
    ]


def test_text_pdfium_joins_across_cards_is_cut_at_the_gutter():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    # One baseline across two cards: PDFium reads "2017 - 2019 Lakeside State Mining" as one line.
    pdf.text(65, 60, "2017 - 2019 ")
    pdf.text(115, 60, "Lakeside State Mining")
    pdf.text(115, 65, "University")
    pdf.text(15, 60, "Northbridge Institute of")
    pdf.text(15, 65, "Technology")
    pdf.text(15, 20, "Education")

    text, _, _ = pdf_text(bytes(pdf.output()), Limits(), Deadline(10))

    assert text.split("\n") == [
        "Education",
        "Northbridge Institute of Technology",
        "2017 - 2019",
        "Lakeside State Mining University",
    ]
