/**
 * Learning people own: organization and team priorities, learning cycles and contracts, peer validation, helping each
 * other, kudos, contributor recognition and Open Badges.
 */
package io.stride.cycles;
