/**
 * Review proportionate to risk: review cases with steps per tier, approvals with their guards, changes requested.
 */
package io.stride.review;
