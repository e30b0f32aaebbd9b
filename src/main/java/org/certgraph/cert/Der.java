package org.certgraph.cert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small reader of ASN.1 DER and BER structure that finds element boundaries without copying or
 * decoding contents. It lets certgraph keep the exact bytes of certificates found inside
 * containers, check which kind of structure a file holds, and explain where damaged data breaks.
 */
final class Der {

    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;

    private static final int MAX_DEPTH = 48;

    private Der() {
    }

    /** Raised when the bytes do not form a well-made ASN.1 element. */
    static final class MalformedException extends Exception {
        private final int offset;
        private final boolean truncated;

        MalformedException(int offset, boolean truncated, String message) {
            super("at byte " + offset + ": " + message);
            this.offset = offset;
            this.truncated = truncated;
        }

        int offset() {
            return offset;
        }

        /** True when the data simply ends too early, as in a file that was cut short. */
        boolean truncated() {
            return truncated;
        }
    }

    /**
     * One element: its tag byte (first identifier octet), where it starts, where its contents
     * start and end, and where the whole element (including any end-of-contents marker) ends.
     */
    record Element(int tag, int start, int contentStart, int contentEnd, int end) {

        boolean constructed() {
            return (tag & 0x20) != 0;
        }

        int length() {
            return end - start;
        }

        byte[] bytes(byte[] data) {
            return Arrays.copyOfRange(data, start, end);
        }
    }

    /** Reads the element starting at {@code offset} that must end by {@code limit}. */
    static Element read(byte[] data, int offset, int limit) throws MalformedException {
        return read(data, offset, limit, 0);
    }

    /** Reads the first element of {@code data}. */
    static Element first(byte[] data) throws MalformedException {
        return read(data, 0, data.length, 0);
    }

    /** The elements directly inside a constructed element. */
    static List<Element> children(byte[] data, Element parent) throws MalformedException {
        List<Element> result = new ArrayList<>();
        int pos = parent.contentStart();
        while (pos < parent.contentEnd()) {
            Element child = read(data, pos, parent.contentEnd(), 1);
            result.add(child);
            pos = child.end();
        }
        return result;
    }

    /**
     * The children of {@code parent}, or an empty list when it is primitive or its contents are
     * not a sequence of elements.
     */
    static List<Element> childrenOrEmpty(byte[] data, Element parent) {
        if (!parent.constructed()) {
            return List.of();
        }
        try {
            return children(data, parent);
        } catch (MalformedException e) {
            return List.of();
        }
    }

    /** True when the element is an OBJECT IDENTIFIER whose encoded value is {@code oidValue}. */
    static boolean isOid(byte[] data, Element element, byte[] oidValue) {
        int length = element.contentEnd() - element.contentStart();
        if (element.tag() != OID || length != oidValue.length) {
            return false;
        }
        return Arrays.equals(data, element.contentStart(), element.contentEnd(),
                oidValue, 0, oidValue.length);
    }

    private static Element read(byte[] data, int offset, int limit, int depth)
            throws MalformedException {
        if (depth > MAX_DEPTH) {
            throw new MalformedException(offset, false, "elements are nested too deeply");
        }
        int pos = offset;
        if (pos >= limit) {
            throw new MalformedException(pos, true, "the data ends where an element should start");
        }
        int tag = data[pos++] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            // High tag number form: continuation bytes have their top bit set.
            int count = 0;
            while (true) {
                if (pos >= limit) {
                    throw new MalformedException(offset, true, "the data ends inside a tag");
                }
                int b = data[pos++] & 0xFF;
                if (++count > 4) {
                    throw new MalformedException(offset, false, "the tag number is too long");
                }
                if ((b & 0x80) == 0) {
                    break;
                }
            }
        }
        if (pos >= limit) {
            throw new MalformedException(offset, true, "the data ends before the length field");
        }
        int first = data[pos++] & 0xFF;
        if (first == 0x80) {
            if ((tag & 0x20) == 0) {
                throw new MalformedException(offset, false,
                        "a primitive element cannot have an indefinite length");
            }
            int contentStart = pos;
            while (true) {
                if (pos + 1 < limit && data[pos] == 0 && data[pos + 1] == 0) {
                    return new Element(tag, offset, contentStart, pos, pos + 2);
                }
                if (pos >= limit) {
                    throw new MalformedException(offset, true,
                            "an indefinite-length element has no end-of-contents marker");
                }
                pos = read(data, pos, limit, depth + 1).end();
            }
        }
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int size = first & 0x7F;
            if (size > 4) {
                throw new MalformedException(offset, false,
                        "a length field of " + size + " bytes is not plausible");
            }
            if (pos + size > limit) {
                throw new MalformedException(offset, true, "the data ends inside a length field");
            }
            length = 0;
            for (int i = 0; i < size; i++) {
                length = (length << 8) | (data[pos++] & 0xFF);
            }
        }
        long end = pos + length;
        if (end > limit) {
            throw new MalformedException(offset, true, "the element announces " + length
                    + " bytes of content but only " + (limit - pos) + " follow");
        }
        return new Element(tag, offset, pos, (int) end, (int) end);
    }
}
