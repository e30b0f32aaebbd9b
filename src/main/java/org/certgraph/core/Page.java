package org.certgraph.core;

import java.util.List;

/**
 * One page of a longer listing.
 *
 * @param totalCount how many items the whole listing has
 * @param nodes the items of this page
 * @param hasNextPage whether more items follow
 * @param endCursor the key to continue after, or null for an empty page
 */
public record Page<T>(int totalCount, List<T> nodes, boolean hasNextPage, String endCursor) {
}
