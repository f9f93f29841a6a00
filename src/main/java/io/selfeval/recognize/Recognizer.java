package io.selfeval.recognize;

import io.selfeval.document.Document;

/** Turns a neutral document into domain facts; knows budgets, nothing about formats. */
public final class Recognizer {
    private Recognizer() {
    }

    public static Recognition recognize(Document doc) {
        Recognition rec = new Recognition();
        return rec;
    }
}
