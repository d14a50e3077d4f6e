package com.claimflow.collections;

import com.claimflow.base.BadInputException;
import com.claimflow.workqueue.TaskCompletion;
import com.claimflow.workqueue.WorkItem;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The credit balance's tasks: the biller's resolution is checked against the account ({@link Refunds#check}) and handed
 * to the approval table; the lead's approval is remembered for the refund's record.
 */
@Component
public class CreditBalanceTaskCompletion implements TaskCompletion {
    private final Refunds refunds;

    public CreditBalanceTaskCompletion(Refunds refunds) {
        this.refunds = refunds;
    }

    @Override
    public boolean handles(String taskType) {
        return CollectionsProcess.RESOLVE_CREDIT_BALANCE_TASK.equals(taskType) || CollectionsProcess.APPROVE_REFUND_TASK.equals(taskType);
    }

    @Override
    public Map<String, Object> complete(WorkItem item, Map<String, Object> form, String userId) {
        Map<String, Object> variables = new HashMap<>();
        if (CollectionsProcess.APPROVE_REFUND_TASK.equals(item.taskType())) {
            variables.put(CollectionsProcess.REFUND_APPROVED_BY, userId);
            return variables;
        }
        Object to = form.get(CollectionsProcess.REFUND_TO);
        BigDecimal amount = number(form, CollectionsProcess.REFUND_AMOUNT);
        BigDecimal target = number(form, CollectionsProcess.TARGET_ENCOUNTER_ID);
        Refund refund = refunds.check(item.encounterId(), to == null ? null : String.valueOf(to), amount,
                target == null ? null : target.longValueExact());
        variables.put(CollectionsProcess.REFUND_TO, refund.to().name());
        variables.put(CollectionsProcess.REFUND_AMOUNT, refund.amount().doubleValue());
        variables.put(CollectionsProcess.TARGET_ENCOUNTER_ID, refund.targetEncounterId());
        variables.put(CollectionsProcess.REFUND_RESOLVED_BY, userId);
        variables.put(CollectionsProcess.REFUND_APPROVED_BY, null);
        return variables;
    }

    /** A number field: a JSON number or its text; anything else is refused naming the field. */
    static BigDecimal number(Map<String, Object> form, String field) {
        Object value = form.get(field);
        if (value == null || (value instanceof String s && s.isBlank())) return null;
        try {
            return value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(field, "must be a number, e.g. 25.00, not '" + value + "'");
        } catch (ArithmeticException e) {
            throw new BadInputException(field, "must be a whole number");
        }
    }
}
