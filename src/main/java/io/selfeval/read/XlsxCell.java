package io.selfeval.read;

/**
 * A cell of a sheet part as written, before anything is worked out from it: the attributes and elements POI's
 * XSSFCell reads ({@code t}, {@code s}, whether an {@code <f>} makes it a formula, {@code <v>}, {@code <is>}).
 *
 * @param type    the {@code t} attribute, null when absent (a number)
 * @param style   the {@code s} attribute as written, null when absent
 * @param formula whether the cell has a formula (a data-table {@code <f>} is not one)
 * @param value   the text of {@code <v>}, null when the cell has none
 * @param inline  whether the cell has an {@code <is>} (an inline string)
 * @param inlineText the text of its {@code <is>}: its runs joined, or its one {@code <t>}; null for neither
 */
record XlsxCell(String type, String style, boolean formula, String value, boolean inline, String inlineText) {
}
