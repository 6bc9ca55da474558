package fr.egide.system;

import java.util.List;

/**
 * One page of a longer list, with what a client needs to page through it.
 *
 * @param page the page number, from 0
 * @param size the largest number of items on a page
 * @param totalItems how many items there are in all pages
 */
public record PageResult<T>(List<T> items, int page, int size, long totalItems) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

}
