package io.stride.media;

/** What an uploaded file is: an image in a lesson, a video, or the captions of a video. */
public enum MediaKind {
	IMAGE, VIDEO, CAPTIONS
}
