package io.stride.integration.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.stride.activity.StatementRecorded;
import io.stride.activity.StatementsRecorded;
import io.stride.xapi.OutsideStatementsStored;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues every statement stored, Stride's own and those outside tools sent to its LRS, for each forwarder that wants
 * it, in the transaction that stores it: the rows are written just before that transaction commits, under the lock on
 * {@code lrs_forward_order} held until the commit, so their {@code seq} is commit order and a forwarder that sends by
 * {@code seq} sends in the order the statements became visible. When no forwarder is set up nothing is written and no
 * lock is taken.
 */
@Component
class ForwardOutbox {

	/** Where a statement came from, as a forwarder's {@code which} names it. */
	enum Source {
		STRIDE, OUTSIDE
	}

	record Stored(String statementId, String verbIri, Source source) {
	}

	private final ForwardRows rows;

	private final Clock clock;

	ForwardOutbox(ForwardRows rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	@EventListener
	void on(StatementRecorded e) {
		queue(List.of(new Stored(e.statementId(), e.verbIri(), Source.STRIDE)));
	}

	@EventListener
	void on(StatementsRecorded batch) {
		queue(batch.statements().stream().map(e -> new Stored(e.statementId(), e.verbIri(), Source.STRIDE)).toList());
	}

	@EventListener
	void on(OutsideStatementsStored batch) {
		queue(batch.statements().stream().map(e -> new Stored(e.statementId(), e.verbIri(), Source.OUTSIDE)).toList());
	}

	/** Whether the forwarder wants the statement: its source and, when it names verbs, one of them. */
	static boolean wants(ForwardRows.Row forwarder, Stored statement) {
		if (!"ALL".equals(forwarder.which()) && !forwarder.which().equals(statement.source().name())) {
			return false;
		}
		if (forwarder.verbs() == null || forwarder.verbs().isBlank()) {
			return true;
		}
		Set<String> verbs = Arrays.stream(forwarder.verbs().split("\n")).map(String::strip).filter(v -> !v.isEmpty())
			.collect(Collectors.toSet());
		return verbs.contains(statement.verbIri());
	}

	private void queue(List<Stored> stored) {
		if (stored.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			write(stored);
			return;
		}
		AtCommit atCommit = TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.filter(AtCommit.class::isInstance)
			.map(AtCommit.class::cast)
			.findFirst()
			.orElseGet(() -> {
				AtCommit made = new AtCommit();
				TransactionSynchronizationManager.registerSynchronization(made);
				return made;
			});
		atCommit.stored.addAll(stored);
	}

	private void write(List<Stored> stored) {
		List<ForwardRows.Row> forwarders = rows.active();
		boolean locked = false;
		for (ForwardRows.Row forwarder : forwarders) {
			List<String> ids = stored.stream().filter(s -> wants(forwarder, s)).map(Stored::statementId).toList();
			if (ids.isEmpty()) {
				continue;
			}
			if (!locked) {
				rows.lockOrder(clock.instant());
				locked = true;
			}
			rows.enqueue(forwarder.id(), ids, clock.instant());
		}
	}

	/** The statements of one transaction, queued in the order they were stored just before it commits. */
	private final class AtCommit implements TransactionSynchronization {

		final List<Stored> stored = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			if (stored.isEmpty()) {
				return;
			}
			List<Stored> all = List.copyOf(stored);
			stored.clear();
			write(all);
		}

		@Override
		public int getOrder() {
			// last but one: just before the webhooks' outbox, always, so that a transaction taking both locks takes
			// them in one order (this one first) and two such transactions never wait on each other
			return LOWEST_PRECEDENCE - 1;
		}
	}
}
