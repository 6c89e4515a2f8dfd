package dev.scorespec.processor.emit;

import dev.scorespec.processor.kinds.dataframe.DataFrameEmitter;
import dev.scorespec.processor.kinds.ndarray.NdArrayEmitter;
import dev.scorespec.processor.kinds.spark.SparkFrameEmitter;
import dev.scorespec.processor.kinds.standard.StandardEmitters;
import dev.scorespec.processor.model.DataFrameType;
import dev.scorespec.processor.model.ListType;
import dev.scorespec.processor.model.NdArrayType;
import dev.scorespec.processor.model.ObjectType;
import dev.scorespec.processor.model.ScalarType;
import dev.scorespec.processor.model.SparkFrameType;
import dev.scorespec.processor.model.UnionType;
import dev.scorespec.processor.model.ValueType;

/**
 * The one place the emitters learn each kind: a new kind of {@link ValueType} is a compile error here
 * until it names its emitter.
 */
public final class KindEmitters {

    private KindEmitters() {}

    public static KindEmitter of(ValueType value) {
        return value.accept(new ValueType.Visitor<>() {
            @Override
            public KindEmitter ndArray(NdArrayType array) {
                return new NdArrayEmitter(array);
            }

            @Override
            public KindEmitter dataFrame(DataFrameType frame) {
                return new DataFrameEmitter(frame);
            }

            @Override
            public KindEmitter sparkFrame(SparkFrameType frame) {
                return new SparkFrameEmitter(frame);
            }

            @Override
            public KindEmitter scalar(ScalarType scalar) {
                return new StandardEmitters.ScalarValue(scalar);
            }

            @Override
            public KindEmitter union(UnionType union) {
                return new StandardEmitters.UnionValue(union);
            }

            @Override
            public KindEmitter list(ListType list) {
                return new StandardEmitters.ListValue(list);
            }

            @Override
            public KindEmitter object(ObjectType object) {
                return new StandardEmitters.ObjectValue(object);
            }
        });
    }
}
