package org.orgraph.documents;

/** One line of a document as read: its 1-based number in the file (or page order) and its text. */
record DocumentLine(int number, String text) {
}
