/**
 * The conversation a session is: which question comes next ({@code SessionFlow}), in what words
 * ({@code Wording}), and how typed answers are read ({@code Answers}). Questions are data
 * ({@code Question}) that both consoles render; the same answers give the same inputs on either.
 */
package dev.tdn.flow;
