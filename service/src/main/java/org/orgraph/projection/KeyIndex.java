package org.orgraph.projection;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the dense id of a key: open addressing over the arena's bytes, one int per slot and
 * one per id, no object per key. Filled while a projection is built (the builder's arena), then
 * frozen over the finished arena: the same references, so the same slots.
 */
final class KeyIndex {

	/** What the index needs of the strings it indexes. */
	interface Strings {

		int hash(int ref);

		boolean equals(int ref, byte[] utf8);

	}

	private int[] slots;

	private int mask;

	private int[] keys;

	private int count;

	private Strings arena;

	KeyIndex(Strings arena) {
		this.arena = arena;
		this.slots = new int[1 << 10];
		this.mask = this.slots.length - 1;
		this.keys = new int[1 << 9];
	}

	/**
	 * Gives the key at arena reference {@code ref} the next id, or answers the id it has
	 * already (keys are unique per label in a revision; a repeat is ignored).
	 */
	int add(int ref, byte[] utf8) {
		int existing = find(utf8);
		if (existing >= 0) {
			return existing;
		}
		if (2 * (this.count + 1) > this.slots.length) {
			grow();
		}
		if (this.count == this.keys.length) {
			this.keys = Arrays.copyOf(this.keys, 2 * this.keys.length);
		}
		this.keys[this.count] = ref;
		place(this.count, this.arena.hash(ref));
		return this.count++;
	}

	private void place(int id, int hash) {
		int slot = hash & this.mask;
		while (this.slots[slot] != 0) {
			slot = (slot + 1) & this.mask;
		}
		this.slots[slot] = id + 1;
	}

	private void grow() {
		this.slots = new int[2 * this.slots.length];
		this.mask = this.slots.length - 1;
		for (int id = 0; id < this.count; id++) {
			place(id, this.arena.hash(this.keys[id]));
		}
	}

	/** The id of {@code key}, or -1. */
	int find(String key) {
		return find(key.getBytes(StandardCharsets.UTF_8));
	}

	int find(byte[] utf8) {
		int slot = StringArena.hash(utf8, 0, utf8.length) & this.mask;
		while (this.slots[slot] != 0) {
			int id = this.slots[slot] - 1;
			if (this.arena.equals(this.keys[id], utf8)) {
				return id;
			}
			slot = (slot + 1) & this.mask;
		}
		return -1;
	}

	int size() {
		return this.count;
	}

	/** The arena reference of each id's key. */
	int[] keys() {
		return Arrays.copyOf(this.keys, this.count);
	}

	/** Reads from the finished arena from now on, and lets go of the builder's. */
	KeyIndex freeze(StringArena finished) {
		this.arena = finished;
		this.keys = Arrays.copyOf(this.keys, this.count);
		return this;
	}

	long bytes() {
		return 32L + 4L * this.slots.length + 4L * this.keys.length;
	}

}
